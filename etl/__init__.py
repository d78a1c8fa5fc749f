"""ETL for The Movies Dataset: raw CSV files in, clean parquet tables and a manifest out."""
