"""The exploratory data analysis report, built from the processed tables the API serves."""
