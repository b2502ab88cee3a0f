case a in
  a) echo one
esac
case b in b) echo two; esac
