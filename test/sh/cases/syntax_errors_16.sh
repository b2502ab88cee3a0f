! ! true
