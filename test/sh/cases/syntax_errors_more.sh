echo ok
case x in
  x) echo a
  y) echo b;;
esac
