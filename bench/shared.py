"""Where the workspace's shared folder is: ``../shared`` beside the checkout, or ``$WOOSITE_SHARED``.

The one place that names it, for the benchmarks and the tests. A plain clone has no such folder: whatever
reads it skips with a reason, and ``.ci/run`` runs those tests once more with ``WOOSITE_SHARED`` pointing
nowhere, so a test that needs the folder without saying so fails there.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WOOSITE_SHARED") or ROOT.parent / "shared")
EXPORTS = SHARED / "exports"
"""36 layout reconstructions of real programme pages with answer keys."""
DATA = SHARED / "data"
"""Published reference data (the DiWoo schemas)."""
