"""Field data: the CSV files coaches and enterprises fill in (audits, KPIs, the roster), the
figures of a cohort, and the shapes that draw them on the pages and in the printed report."""
