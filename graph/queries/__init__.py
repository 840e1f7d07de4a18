"""The analysts' Cypher library (``cypher/*.cypher``) and the Python API over it."""
