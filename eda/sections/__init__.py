"""One module per section of the report.

Each has KEY (its anchor), TITLE, QUESTION (what it informs), NEEDS (the tables without which it has
nothing to show) and fill(section, tables), which adds the figures, tables, notes and numbers.
"""
