"""Regenerate deploy/nginx-security-headers.conf from the one policy definition (generator/render/policy.py)."""

from __future__ import annotations

from pathlib import Path

from generator.outputs.headers import nginx_snippet

TARGET = Path(__file__).resolve().parent.parent / "deploy" / "nginx-security-headers.conf"

if __name__ == "__main__":
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(nginx_snippet(), encoding="utf-8")
    print(f"wrote {TARGET}")
