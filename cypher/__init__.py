"""The analysts' query library: one query per ``.cypher`` file, read by ``graph.queries.catalog``.

Installed as the package ``graph.cypher`` (see ``[tool.setuptools.package-dir]`` in pyproject.toml).
"""
