"""The terminal app: Textual screens and panes that render a `model.Briefing`."""
