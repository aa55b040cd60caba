"""Comparing what different articles say: claim matching across sources and over time."""
