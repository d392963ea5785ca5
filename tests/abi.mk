# The exported ABI of libtamis, and the public headers as C and C++.
