echo $((1 +))
