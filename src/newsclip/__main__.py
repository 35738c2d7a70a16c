"""``python -m newsclip``: the same as the ``newsclip`` command."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="newsclip")
