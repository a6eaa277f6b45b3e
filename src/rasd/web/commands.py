"""``rasd serve`` (the API and web app) and ``rasd user`` (accounts)."""

from __future__ import annotations

import sys

import click

from rasd.cli_options import db_option
from rasd.errors import RasdError


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
def serve(db_url, host, port):
    """Serve the HTTP API and the web app over the store.

    \b
    Example:
      rasd serve --db rasd.db --port 8000   # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from rasd.web.app import create_app

    try:
        app = create_app(db_url)
    except RasdError as err:
        raise click.ClickException(err.message) from err
    click.echo(f"rasd: serving {db_url} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.group()
def user():
    """Web app accounts: viewers read, editors review events.

    \b
    Example:
      rasd user add amal --role editor --db rasd.db
    """


@user.command("add")
@click.argument("name")
@click.option(
    "--role", type=click.Choice(["viewer", "editor"]), default="viewer", show_default=True
)
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
@db_option
def user_add(name, role, password_stdin, db_url):
    """Create user NAME (or reset their role and password).

    \b
    Example:
      rasd user add amal --role editor --db rasd.db
    """
    from rasd.web import auth
    from rasd.web.app import StorePool

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        pool = StorePool(db_url)
        try:
            auth.add_user(pool.get().conn, name, password, role)
        finally:
            pool.close()
    except RasdError as err:
        raise click.UsageError(err.message) from err
    click.echo(f"user {name} ({role}) saved", err=True)


@user.command("list")
@db_option
def user_list(db_url):
    """List accounts (name, role, created)."""
    from rasd.web import auth
    from rasd.web.app import StorePool

    pool = StorePool(db_url)
    try:
        for u in auth.list_users(pool.get().conn):
            state = " (disabled)" if u["disabled"] else ""
            click.echo(f"{u['name']}\t{u['role']}\t{u['created_at']}{state}")
    finally:
        pool.close()
