from __future__ import annotations

import sys

from autoheal.cli import main

sys.exit(main())
