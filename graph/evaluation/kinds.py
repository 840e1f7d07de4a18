"""What is scored: statement kinds, comment roles, entity kinds, the macro-F1 kinds.

The statement kinds are the contract's (:mod:`graph.contract`) plus ``comment`` (participants'
and facilitators' remarks, issue 9), which the gold of format 2 annotates whether or not the
contract has it yet.
"""

from __future__ import annotations

from graph.contract import STATEMENT_KINDS

COMMENT = "comment"
# Every kind a gold file may annotate and the scorer reports a row for, in contract order.
SCORED_KINDS: tuple[str, ...] = STATEMENT_KINDS if COMMENT in STATEMENT_KINDS else (*STATEMENT_KINDS, COMMENT)
# Format-1 gold annotates no remarks: its reports are scored on these kinds only.
FORMAT1_KINDS: tuple[str, ...] = tuple(k for k in SCORED_KINDS if k != COMMENT)
# Issue 9: "macro-F1 over problems, core problems, causes, effects, visions and results".
MACRO_KINDS: tuple[str, ...] = ("problem", "core_problem", "cause", "effect", "vision", "result")
# The role of a comment's speaker.
ROLES: frozenset[str] = frozenset({"participant", "facilitator", "group representative", "chair"})
# Entity kinds with gold annotations (format 2).
ENTITY_KINDS: tuple[str, ...] = ("organisation", "law")
