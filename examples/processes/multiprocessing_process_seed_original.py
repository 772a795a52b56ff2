# The seed note's first Process example, exactly as written; only this line is added.
#process multprocessing包中的一个类表示进程对象

from multiprocessing import Process
from tqdm import tqdm
import os

# 子进程要执行的代码
def run_proc(name):
    print('Run child process %s (%s)...' % (name, os.getpid())) #getpid()可以拿到进程的ID。
    for i in tqdm(range(10000000)):
        pass

if __name__=='__main__': 

'''
有化部分 ，这句代码以上的部分，可以被其它的调用，以下的部分只有这个文件自己可以看见，如果文件被调用了，其他人是无法看见私有化部分的
也就是说你自己运行该模块的时候 这句话是执行的 因为自己运行时__name__就是__main__，而当别人调用你这个模块时，以下代码会被忽略，此时的__name__是模块名
'''
    print('Parent process %s.' % os.getpid())
    p = Process(target=run_proc, args=('test1',))
    d = Process(target=run_proc, args=('test2',))
    print('Child process will start.')
    p.start()#调用进程
    d.start()#调用进程
    p.join()#join()方法可以等待子进程结束后再继续往下运行，通常用于进程间的同步
    d.join()
    print('Child process end.')

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 1, program d64928f0):
#
# $ python examples/processes/multiprocessing_process_seed_original.py
#   File "examples/processes/multiprocessing_process_seed_original.py", line 16
#     '''
#     ^
# IndentationError: expected an indented block after 'if' statement on line 14
