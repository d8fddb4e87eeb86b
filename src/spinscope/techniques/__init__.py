"""Persuasion-technique detection: model, scoring, training."""
