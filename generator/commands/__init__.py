"""One module per CLI command; each is a thin layer over the pipeline.

Click is made to speak the user's language here, before any command defines its options (Click translates
some texts, such as "file" in "File 'x' does not exist", when an option is defined)."""

from generator.core import translation

translation.translate_click()
