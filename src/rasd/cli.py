"""The ``rasd`` command line: a thin shell over library calls.

Commands live beside the stage that owns them (``rasd/<stage>/commands.py``)
and are loaded only when called, so ``rasd --help`` stays fast. The
contract for names, flags, output and exit statuses is
``shared/spec/cli.md``: 0 all input taken, 1 some input rejected, 2 usage.
"""

from __future__ import annotations

import importlib

import click

# command name -> "module:attribute" of a click.Command
COMMANDS: dict[str, str] = {
    "ingest": "rasd.store.commands:ingest",
    "articles": "rasd.store.commands:articles",
    "show": "rasd.store.commands:show",
    "search": "rasd.store.commands:search",
    "stats": "rasd.store.commands:stats",
    "extract": "rasd.extract.commands:extract",
    "explain": "rasd.extract.commands:explain",
    "places": "rasd.geo.commands:places",
    "gazetteer": "rasd.geo.commands:gazetteer",
    "events": "rasd.fuse.commands:events",
    "export": "rasd.fuse.commands:export",
    "serve": "rasd.web.commands:serve",
    "user": "rasd.web.commands:user",
    "eval": "rasd.eval.commands:eval_command",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, _, attr = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name == module_name:  # the stage has not grown this command yet
                return None
            raise
        return getattr(module, attr, None)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasd")
def main() -> None:
    """rasd (رصد): Arabic news in, one clean record per conflict event out.

    \b
    Examples:
      rasd ingest sample/ --db rasd.db
      rasd search الامريكية --db rasd.db --format jsonl
      rasd extract article.txt --format table
    """
