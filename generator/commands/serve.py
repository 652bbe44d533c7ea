"""woosite serve: a live preview that rebuilds and reloads the browser on every saved change."""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType

import click

from generator.commands import options
from generator.content.loader import load_config
from generator.core import reporting, urls
from generator.core.errors import Problem, WoositeError
from generator.core.translation import _
from generator.outputs import build_record
from generator.preview.built_site import BuiltSiteServer
from generator.preview.session import Preview, PreviewOptions


@click.command(
    "serve",
    help=_(
        "Preview the site at http://HOST:PORT/, rebuilding on every change. The published site/ folder is not "
        "touched. With --site, a built folder is served as its host will serve it."
    ),
)
@options.content_dir
@options.config
@click.option(
    "--host", default="127.0.0.1", show_default=True, help=_("Address to listen on (0.0.0.0: every network).")
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help=_("Port to listen on."))
@click.option(
    "--site",
    "site_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=_("Serve this built site (e.g. site/) below its base path instead of previewing the content."),
)
def command(content_dir: Path, config_path: Path | None, host: str, port: int, site_dir: Path | None) -> None:
    """Preview the site at http://HOST:PORT/, rebuilding on every change.

    The site is built into a temporary folder; the published site/ folder is not touched. With --site, a
    built folder is served as its host will serve it (below the base path it was built for)."""
    if site_dir is not None:
        _serve_built(site_dir, config_path or content_dir.resolve().parent / "site.yaml", host, port)
        return
    preview = Preview(PreviewOptions(content_dir, host, port, config_path), say=lambda line: click.echo(line, err=True))

    def stop(signum: int, frame: FrameType | None) -> None:
        preview.stop()

    signal.signal(signal.SIGTERM, stop)
    try:
        preview.run(reporting.for_terminal())
    except KeyboardInterrupt:
        preview.close()
    click.echo(_("Preview stopped."), err=True)


def _serve_built(site_dir: Path, config_path: Path, host: str, port: int) -> None:
    if not (site_dir / "index.html").is_file():
        raise WoositeError(Problem(site_dir, None, _("no built site here"), _("build it first with 'woosite build'")))
    record = build_record.read(site_dir)
    base_url = record.base_url if record else load_config(config_path).base_url
    try:
        server = BuiltSiteServer((host, port), site_dir.resolve(), urls.base_path(base_url))
    except OSError as exc:
        problem = Problem(
            None,
            None,
            _("cannot listen on {host}:{port}: {exc_strerror}").format(host=host, port=port, exc_strerror=exc.strerror),
            _("choose another --port"),
        )
        raise WoositeError(problem) from exc
    address = f"http://{host}:{server.server_port}{server.base_path}"
    click.echo(
        _("Serving {site_dir} (built for {base_url}) at {address}").format(
            site_dir=site_dir, base_url=base_url, address=address
        ),
        err=True,
    )

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    click.echo(_("Stopped."), err=True)
