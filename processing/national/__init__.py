"""The national sources ``fetch_spatial`` fetches: one module per source (``source.py``
says what each must do), the area they are fetched for (``area.py``)."""
