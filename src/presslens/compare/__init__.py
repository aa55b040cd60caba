"""Comparing articles with each other: the same figure and the same claim across sources and over time
(figure groups, conflicts, republished copies, claim matching)."""
