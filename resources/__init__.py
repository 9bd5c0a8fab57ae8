"""Data files shipped with the application: icons, themes, translations, demo content."""
