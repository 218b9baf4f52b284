"""argmap: keyboard-driven argument maps for policy and intelligence analysts."""

__version__ = "0.1.0"
