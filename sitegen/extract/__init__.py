"""Extraction: articles → dated incidents.

``pipeline`` runs the stages; each other module owns one kind of knowledge
(segment, temporal, numbers, places, actors, events, casualties, summary),
compiled from the data files in ``sitegen/data/``.
"""
