"""The read model: the processed tables loaded once into memory, with the indexes the queries need."""
