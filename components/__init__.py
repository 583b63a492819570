"""Building blocks of the Streamlit dashboard; pages only compose these."""
