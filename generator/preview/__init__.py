"""The preview server behind ``woosite serve``: build into a temporary folder, serve it, rebuild on change."""
