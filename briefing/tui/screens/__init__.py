"""Screens of the terminal app: the main four-pane screen and the help dialog."""
