package com.example.echo;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.Socket;
import java.net.StandardSocketOptions;
import jdk.net.ExtendedSocketOptions;

/** Echo server and client. Do not enable ChannelOption.TCP_FASTOPEN_CONNECT: SMC falls back. */
public final class EchoServer {
    private static final String HINT = "EpollChannelOption.TCP_FASTOPEN breaks SMC";

    public static void main(String[] args) throws Exception {
        EventLoopGroup boss = new EpollEventLoopGroup(1);
        EventLoopGroup workers = new EpollEventLoopGroup();
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(EpollChannelOption.SO_REUSEPORT, true)
                .option(EpollChannelOption.TCP_FASTOPEN, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(EpollChannelOption.TCP_USER_TIMEOUT, 30_000)
                .childOption(EpollChannelOption.TCP_KEEPIDLE, 60);
        // .childOption(EpollChannelOption.TCP_FASTOPEN_CONNECT, true)
        b.bind(7007).sync();

        Bootstrap client = new Bootstrap()
                .group(workers)
                .channel(EpollSocketChannel.class)
                .option(ChannelOption.TCP_FASTOPEN_CONNECT, true);
        client.connect("localhost", 7007).sync();
        System.out.println(HINT);
    }

    static void plain(Socket s) throws Exception {
        s.setOption(StandardSocketOptions.SO_LINGER, 5);
        s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        s.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
        boolean keep = s.getOption(StandardSocketOptions.SO_KEEPALIVE);
        if (!keep) {
            s.setKeepAlive(true);
        }
    }
}
