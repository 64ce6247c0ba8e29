"""``python -m claimledger``: the same as the ``claimledger`` command."""

from .cli import main

main()
