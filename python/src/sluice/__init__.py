"""Sluice from Python: clean scraped text with sluice rules.

    import sluice
    with sluice.Cleaner(rules="drop /^Advertisement$/i") as cleaner:
        cleaner.clean("Advertisement\nThe council met.\n")   # 'The council met.\n'

`sluice.datatrove.SluiceFilter` is a datatrove pipeline step (`pip install sluice[datatrove]`).
"""
from ._cleaner import (Change, Cleaner, InputError, ProcessError, RuleError, SluiceError,
                       binary_path)

__all__ = ["Cleaner", "Change", "SluiceError", "RuleError", "InputError", "ProcessError", "binary_path"]
__version__ = "0.1.0"
