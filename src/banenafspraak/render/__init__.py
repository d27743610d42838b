"""What reads results and writes them for people and for other programs.

Results (:class:`~banenafspraak.counting.JobCount`, :class:`~banenafspraak.counting.QuotumReport`,
:class:`~banenafspraak.comparing.Comparison`, the reports) are data; the modules here read them:

* :mod:`banenafspraak.render.text`: plain-text tables of a result, in English or Dutch;
* :mod:`banenafspraak.render.layout`: the one table style, laid out at a given width;
* :mod:`banenafspraak.render.explain`: a placement's or an employer's explanation as text;
* :mod:`banenafspraak.render.summary`: a short ``repr`` and a small HTML table for notebooks;
* :mod:`banenafspraak.render.export`: JSON documents, CSV tables and Excel workbooks;
* :mod:`banenafspraak.render.frames`: Arrow tables and pandas or polars data frames;
* :mod:`banenafspraak.render.charts` and :mod:`banenafspraak.render.report_charts`: charts
  (the ``plot`` extra).
"""
