set -e
TEST_NAME="kmod"
ALL_TESTS="0001:3:1"
ALL_TESTS="$ALL_TESTS 0002:3:1"
ALL_TESTS="$ALL_TESTS 0003:1:0"
function test_num()
{
	re='^[0-9]+$'
	if ! [[ $1 =~ $re ]]; then
		echo "bad $1"
	fi
}
function get_test_data()
{
	test_num $1
	local field_num=$(echo $1 | sed 's/^0*//' 2>/dev/null || echo ${1#000})
	echo $ALL_TESTS | awk '{print $'$field_num'}' 2>/dev/null || true
}
errno_name_to_val()
{
	case "$1" in
	SUCCESS)
		echo 0;;
	-ENOENT)
		echo -2;;
	*)
		echo invalid;;
	esac
}
config_expect_result()
{
	RC=$(errno_name_to_val $2)
	if [[ $RC != 0 ]]; then
		echo "${FUNCNAME[0]}: $1 FAIL"
	else
		echo "$1: OK! - Return value: $RC"
	fi
}
for i in $ALL_TESTS ; do
	TEST_ID=${i%:*:*}
	TEST_DATA=${i#*:}
	LAST_TWO=${i#*:*}
	echo "$TEST_ID ${LAST_TWO%:*} ${i##*:}"
	if [[ ${i##*:} -eq "1" ]]; then
		config_expect_result $TEST_ID SUCCESS
	fi
done
test_num 12x
let EXTRA=50/6
echo $EXTRA
NAME='\000'
echo "$NAME"
trap "echo finished" EXIT
priv=0x1234
[ "${priv:0:3}" = "0x1" ] && echo sliced
exit 0
