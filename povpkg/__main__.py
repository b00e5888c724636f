# ``python -m povpkg``: the working directory leaves sys.path before anything else is
# imported (a povpkg/ folder there would already have run instead; see docs/trust.md).
from ._trust import drop_working_directory

drop_working_directory()

from .cli import console  # noqa: E402

console()
