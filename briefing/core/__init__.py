"""The analysis core: sources, cleaning and analysis. Never imports Textual or Rich."""
