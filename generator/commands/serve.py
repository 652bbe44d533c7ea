"""woosite serve: a live preview that rebuilds and reloads the browser on every saved change."""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType

import click

from generator import reporting
from generator.commands import options
from generator.preview.session import Preview, PreviewOptions


@click.command("serve")
@options.content_dir
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None, help="site.yaml to use.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def command(content_dir: Path, config_path: Path | None, host: str, port: int) -> None:
    """Preview the site at http://HOST:PORT/, rebuilding on every change.

    The site is built into a temporary folder; the published site/ folder is not touched."""
    preview = Preview(PreviewOptions(content_dir, host, port, config_path), say=lambda line: click.echo(line, err=True))

    def stop(signum: int, frame: FrameType | None) -> None:
        preview.stop()

    signal.signal(signal.SIGTERM, stop)
    try:
        preview.run(reporting.for_terminal())
    except KeyboardInterrupt:
        preview.close()
    click.echo("Preview stopped.", err=True)
