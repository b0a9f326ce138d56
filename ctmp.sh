cd /work/wijkdiagnose
QT_QPA_PLATFORM=offscreen QGIS_PLUGINPATH=$PWD/.build/plugins PYTHONPATH=$(.venv/bin/python -c "import sysconfig;print(sysconfig.get_paths()['purelib'])") QGIS_CUSTOM_CONFIG_PATH=$PWD/.build/qgis-profile XDG_RUNTIME_DIR=$PWD/.build/xdg .venv/bin/python -m pytest "$@"
