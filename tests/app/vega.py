"""What a Vega-Lite chart element sends to the browser, read back from AppTest's protobuf."""

from __future__ import annotations

import pyarrow as pa


def charts(at) -> list:
    return list(at.get("vega_lite_chart"))


def datasets(element) -> dict[str, pa.Table]:
    """The chart's data sets by name (Streamlit sends them as Arrow streams beside the spec)."""
    proto = element.proto
    tables = {named.name: pa.ipc.open_stream(named.data.data).read_all() for named in proto.datasets}
    if proto.data.data:
        tables[""] = pa.ipc.open_stream(proto.data.data).read_all()
    return tables


def rows_sent(at) -> int:
    """Rows of data sent with every chart of the page: a point, bar, country shape or line each (the map's
    arrowheads are drawn from its line rows)."""
    return sum(table.num_rows for element in charts(at) for table in datasets(element).values())
