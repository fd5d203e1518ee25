"""The `cchc` console entry point."""
