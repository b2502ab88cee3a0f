case x in
  a) echo;;
  b
esac
