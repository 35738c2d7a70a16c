"""``python -m newsclip``: the same as the ``newsclip`` command."""

from .cli import run

if __name__ == "__main__":
    run()
