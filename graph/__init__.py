"""gms-graph: a knowledge graph of problems, causes, effects, visions and results from GMS consultation reports."""

__version__ = "0.1.0"
