"""The themes' read queries, one per ``.cypher`` file."""
