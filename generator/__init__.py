"""woosite: a static site generator for Dutch municipal programme documents under the Woo."""

__version__ = "0.1.0"
