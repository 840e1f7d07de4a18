"""The store's internal queries and schema files, one per ``.cypher`` file."""
