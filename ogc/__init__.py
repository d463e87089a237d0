"""OGC API - Features for GIS clients (QGIS, GDAL/OGR, geopandas): a thin layer over the
tracker's models and selectors, served under /ogc/ (see the README, "Pull the data", for why
no library was used)."""
