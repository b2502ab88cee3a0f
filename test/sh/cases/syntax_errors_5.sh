echo ok
| cat
