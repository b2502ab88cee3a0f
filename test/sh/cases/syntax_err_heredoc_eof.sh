cat <<EOF
no terminator here
and here
